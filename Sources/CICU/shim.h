// Inline shims over the system ICU. ICU renames its C functions with a version suffix through
// macros (ubrk_open -> ubrk_open_72) that Swift cannot import; these wrappers can be.
#ifndef VOCAN_CICU_SHIM_H
#define VOCAN_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>

static inline UBreakIterator *vocan_ubrk_open(UBreakIteratorType type, const char *locale, UErrorCode *status) {
    return ubrk_open(type, locale, NULL, 0, status);
}
static inline UBreakIterator *vocan_ubrk_clone(const UBreakIterator *bi, UErrorCode *status) {
    return ubrk_clone(bi, status);
}
static inline void vocan_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length, UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t vocan_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t vocan_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t vocan_ubrk_following(UBreakIterator *bi, int32_t offset) { return ubrk_following(bi, offset); }
static inline int32_t vocan_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void vocan_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }

// Handles are passed as void * so that Swift sees one pointer type for all of them.
static inline const void *vocan_nfkc_casefold(UErrorCode *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline const void *vocan_nfd(UErrorCode *status) {
    return unorm2_getNFDInstance(status);
}
static inline int32_t vocan_unorm2_normalize(const void *norm, const UChar *src, int32_t length,
                                             UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize((const UNormalizer2 *)norm, src, length, dest, capacity, status);
}

static inline UChar *vocan_u_strFromUTF8(UChar *dest, int32_t capacity, int32_t *destLength,
                                         const char *src, int32_t srcLength, UErrorCode *status) {
    return u_strFromUTF8WithSub(dest, capacity, destLength, src, srcLength, 0xFFFD, NULL, status);
}
static inline char *vocan_u_strToUTF8(char *dest, int32_t capacity, int32_t *destLength,
                                      const UChar *src, int32_t srcLength, UErrorCode *status) {
    return u_strToUTF8WithSub(dest, capacity, destLength, src, srcLength, 0xFFFD, NULL, status);
}

static inline void *vocan_utrans_open(const UChar *id, int32_t idLength, UErrorCode *status) {
    return (void *)utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, status);
}
static inline void vocan_utrans_transUChars(const void *trans, UChar *text, int32_t *textLength,
                                            int32_t capacity, int32_t *limit, UErrorCode *status) {
    utrans_transUChars((const UTransliterator *)trans, text, textLength, capacity, 0, limit, status);
}
static inline void vocan_utrans_close(void *trans) { utrans_close((UTransliterator *)trans); }

static inline UBool vocan_is_pictographic(UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}
static inline UBool vocan_is_upper(UChar32 c) { return u_isUUppercase(c); }
static inline UBool vocan_is_lower(UChar32 c) { return u_isULowercase(c); }
static inline UBool vocan_is_alpha(UChar32 c) { return u_isUAlphabetic(c); }

#endif
