// Snowball's stemmers (Debian libstemmer-dev): the English (Porter 2) stemmer gives the stem a
// word is matched by when WordNet's exception lists do not name its base form.
#ifndef STORYDIFF_CSTEMMER_SHIM_H
#define STORYDIFF_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
