/* queries.c — running a named statement (queries.h) through the db interface; its text is the backend's. */
#include "queries.h"

db_stmt *query_q(db *d, enum query q, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *s = db_vq(d, query_sql(d, q), types, ap);
	va_end(ap);
	return s;
}

int query_run(db *d, enum query q, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = db_vrun(d, query_sql(d, q), types, ap);
	va_end(ap);
	return rc;
}

long long query_int(db *d, long long dflt, enum query q, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	long long v = db_vint(d, dflt, query_sql(d, q), types, ap);
	va_end(ap);
	return v;
}
