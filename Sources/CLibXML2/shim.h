// libxml2's HTML parser and XPath (Debian libxml2-dev; include path from pkg-config libxml-2.0).
#ifndef STORYDIFF_CLIBXML2_SHIM_H
#define STORYDIFF_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, whose headers clash with the ICU inside Swift's Foundation.
// Nothing here uses the ICU-dependent fields, so leave them out of this view of the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function pointer: call it through a function Swift 6 can use.
static inline void cx_free(void *pointer) { xmlFree(pointer); }
#endif
