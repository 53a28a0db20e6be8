/* insights.h — customer evidence: the insights kind. */
#ifndef TANDEM_INSIGHTS_H
#define TANDEM_INSIGHTS_H
#include "entity.h"

extern struct entity insights_entity;
#endif
