/* plan_int.h — what the solver (plan.c) and the checker (plan_check.c) share: the id index and tolerances. */
#ifndef TANDEM_PLAN_INT_H
#define TANDEM_PLAN_INT_H
#include "plan.h"

#define EPS 1e-6 /* person-weeks: how far a sum may stray over a capacity through rounding */

/* A candidate's id and its index in the input. */
struct id_ix {
	long long id;
	int ix;
};
/* Candidates sorted by id into a new array (caller frees); the index of a duplicate id in *dup, else -1. */
struct id_ix *plan_index_ids(const struct plan_candidate *c, int n, int *dup);
/* Index of id among the candidates, or -1. */
int plan_find(const struct id_ix *byid, int n, long long id);
#endif
