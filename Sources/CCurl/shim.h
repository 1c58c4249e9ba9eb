// Non-variadic wrappers for libcurl's variadic setopt/getinfo, which Swift cannot call.
#ifndef POSTURE_CCURL_SHIM_H
#define POSTURE_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode posture_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode posture_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode posture_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode posture_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*posture_write_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode posture_easy_setopt_write_function(CURL *handle, CURLoption option, posture_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
static inline CURLcode posture_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode posture_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode posture_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLMcode posture_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}
#endif
