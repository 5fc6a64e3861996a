// libcurl (Debian libcurl4-openssl-dev): fetches pages for `storydiff URL URL`.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers.
#ifndef STORYDIFF_CLIBCURL_SHIM_H
#define STORYDIFF_CLIBCURL_SHIM_H
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

/// A body received into memory, refused past `limit` bytes.
typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    size_t limit;
    int overflowed;
} sd_body;

static size_t sd_body_write(char *pointer, size_t size, size_t count, void *user) {
    sd_body *body = (sd_body *)user;
    size_t bytes = size * count;
    if (body->length + bytes > body->limit) { body->overflowed = 1; return 0; }   // 0 aborts the transfer
    if (body->length + bytes > body->capacity) {
        size_t capacity = body->capacity ? body->capacity : 65536;
        while (capacity < body->length + bytes) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(body->data, capacity);
        if (!grown) return 0;
        body->data = grown;
        body->capacity = capacity;
    }
    memcpy(body->data + body->length, pointer, bytes);
    body->length += bytes;
    return bytes;
}

static inline void sd_body_free(sd_body *body) { free(body->data); body->data = NULL; body->length = body->capacity = 0; }

static inline CURLcode sd_set_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
static inline CURLcode sd_set_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
static inline CURLcode sd_set_large(CURL *handle, CURLoption option, curl_off_t value) { return curl_easy_setopt(handle, option, value); }
static inline CURLcode sd_set_body(CURL *handle, sd_body *body) {
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, sd_body_write);
    return curl_easy_setopt(handle, CURLOPT_WRITEDATA, (void *)body);
}
static inline CURLcode sd_set_error_buffer(CURL *handle, char *buffer) { return curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, buffer); }

static inline long sd_response_code(CURL *handle) { long code = 0; curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code); return code; }
static inline const char *sd_content_type(CURL *handle) { char *type = NULL; curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &type); return type; }
static inline const char *sd_effective_url(CURL *handle) { char *url = NULL; curl_easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &url); return url; }
#endif
