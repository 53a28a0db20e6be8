/* assets.h — static files (CSS, JS) embedded in the binary by tools/file2c.sh. */
#ifndef TANDEM_ASSETS_H
#define TANDEM_ASSETS_H
struct asset {
	const char *name, *content_type, *body;
	int unused;
};
extern const struct asset assets[];
extern const int assets_count;
/* The embedded file of that name (layout.c), or NULL. */
const struct asset *asset_find(const char *name);
#endif
