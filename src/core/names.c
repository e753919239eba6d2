/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.c - folding, keys, ids and distances of names (see core/names.h). */
#include "core/names.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Letters NFKD does not decompose into a base letter and marks. */
static const char *latin_special(gunichar c)
{
    switch (c) {
    case 0x00C6:
    case 0x00E6:
        return "ae"; /* Æ æ */
    case 0x0152:
    case 0x0153:
        return "oe"; /* Œ œ */
    case 0x00D8:
    case 0x00F8:
        return "o"; /* Ø ø */
    case 0x0141:
    case 0x0142:
        return "l"; /* Ł ł */
    case 0x0110:
    case 0x0111:
        return "d"; /* Đ đ */
    case 0x00D0:
    case 0x00F0:
        return "d"; /* Ð ð */
    case 0x00DE:
    case 0x00FE:
        return "th"; /* Þ þ */
    case 0x0131:
        return "i"; /* dotless ı */
    case 0x00DF:
        return "ss"; /* ß */
    default:
        return NULL;
    }
}

/* Arabic letters spelt in several ways by the people who type them. */
static gunichar arabic_unified(gunichar c)
{
    switch (c) {
    case 0x0629:
        return 0x0647; /* ة ta marbuta as ه */
    case 0x0649:
        return 0x064A; /* ى alif maqsura as ي */
    case 0x06CC:
        return 0x064A; /* Persian ی as ي */
    case 0x06A9:
        return 0x0643; /* Persian ک as ك */
    default:
        return c;
    }
}

/* coopnet_i_names_fold of an ASCII text, without GLib: NFKD and case folding change nothing
 * but the capitals there, and no ASCII character is a mark or a special letter, so the folded
 * text is the runs of letters and digits in lower case, one space between them. */
static char *fold_ascii(const char *text, size_t length)
{
    char *plain = malloc(length + 1);
    if (plain == NULL)
        return NULL;
    size_t out = 0;
    bool pending_space = false;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(c >= '0' && c <= '9')) {
            pending_space = out > 0;
            continue;
        }
        if (pending_space)
            plain[out++] = ' ';
        pending_space = false;
        plain[out++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    plain[out] = '\0';
    return plain;
}

char *coopnet_i_names_fold(const char *text)
{
    size_t length = 0;
    while (text[length] != '\0' && (unsigned char)text[length] < 0x80)
        length++;
    if (text[length] == '\0')
        return fold_ascii(text, length);
    gchar *decomposed = g_utf8_normalize(text, -1, G_NORMALIZE_NFKD);
    if (decomposed == NULL)
        return NULL;
    GString *plain = g_string_sized_new(strlen(decomposed) + 1);
    bool pending_space = false;
    for (const gchar *p = decomposed; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        GUnicodeType type = g_unichar_type(c);
        if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
            type == G_UNICODE_SPACING_MARK || c == 0x0640 /* tatweel */ || c == 0x0621 /* ء */)
            continue;
        const char *special = latin_special(c);
        if (!special && !g_unichar_isalnum(c)) {
            pending_space = plain->len > 0;
            continue;
        }
        if (pending_space)
            g_string_append_c(plain, ' ');
        pending_space = false;
        if (special)
            g_string_append(plain, special);
        else
            g_string_append_unichar(plain, arabic_unified(c));
    }
    g_free(decomposed);
    gchar *folded = g_utf8_casefold(plain->str, (gssize)plain->len);
    g_string_free(plain, TRUE);
    /* case folding can make ß into ss but never adds marks or spaces: the result stays folded */
    char *result = strdup(folded);
    g_free(folded);
    return result;
}

/* Folded little words that carry nothing in a name. */
static const char *const little_words[] = {"of", "the", "de", "du",  "des", "la",   "le", "les",
                                           "l",  "d",   "et", "and", "for", "pour", NULL};

/* Folded words that name a municipality as such: "Municipality of X" is X. */
static const char *const generic_words[] = {
    "municipality",
    "municipal",
    "municipalite",
    "municipio",
    "city",
    "town",
    "commune",
    "ville",
    "mairie",
    "baladiya",
    "baladiyah",
    "baladia",
    "baladiyat",
    "\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd9\x87" /* بلديه */,
    "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd9\x87" /* مدينه */,
    "\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd8\xa7\xd8\xaa" /* بلديات */,
    NULL};

static bool in_list(const char *word, const char *const *list)
{
    for (size_t i = 0; list[i]; i++) /* the first byte first: most words differ there */
        if (list[i][0] == word[0] && strcmp(word, list[i]) == 0)
            return true;
    return false;
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The words of folded (split in place at its spaces) into words[], at most capacity; returns
 * the count, leaving out the little words and, when asked, the generic ones (all of them kept
 * when nothing else would be). */
static size_t content_words(char *folded, bool remove_generic, char **words, size_t capacity)
{
    size_t n_words = 0, n_all = 0;
    char *all[256];
    char *state = NULL;
    for (char *word = strtok_r(folded, " ", &state); word && n_all < 256;
         word = strtok_r(NULL, " ", &state))
        all[n_all++] = word;
    for (int pass = 0; pass < 2 && n_words == 0; pass++) {
        bool drop_generic = remove_generic && pass == 0;
        for (size_t i = 0; i < n_all && n_words < capacity; i++) {
            if (in_list(all[i], little_words) || (drop_generic && in_list(all[i], generic_words)))
                continue;
            words[n_words++] = all[i];
        }
    }
    if (n_words == 0) /* only little words ("The"): keep them */
        for (size_t i = 0; i < n_all && n_words < capacity; i++)
            words[n_words++] = all[i];
    return n_words;
}

char *coopnet_i_names_key(const char *text, bool remove_generic)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return NULL;
    char *words[256];
    size_t folded_length = strlen(folded);
    size_t n_words = content_words(folded, remove_generic, words, 256);
    qsort(words, n_words, sizeof *words, compare_words);
    char *key = malloc(folded_length + 1); /* some of its words and the spaces between them */
    size_t length = 0;
    if (key != NULL) {
        for (size_t i = 0; i < n_words; i++) {
            if (i > 0 && strcmp(words[i], words[i - 1]) == 0)
                continue;
            size_t word_length = strlen(words[i]);
            if (length > 0)
                key[length++] = ' ';
            memcpy(key + length, words[i], word_length);
            length += word_length;
        }
        key[length] = '\0';
    }
    free(folded);
    return key;
}

/* ---- transliteration ----------------------------------------------------------------------- */

/* Arabic consonants in Latin letters (after arabic_unified); vowels are not written in Arabic,
 * so the id keeps the consonants and the long vowels (و ي ا). */
static const char *arabic_latin(gunichar c)
{
    switch (c) {
    case 0x0627:
        return "a"; /* ا */
    case 0x0628:
        return "b"; /* ب */
    case 0x062A:
        return "t"; /* ت */
    case 0x062B:
        return "th"; /* ث */
    case 0x062C:
        return "j"; /* ج */
    case 0x062D:
        return "h"; /* ح */
    case 0x062E:
        return "kh"; /* خ */
    case 0x062F:
        return "d"; /* د */
    case 0x0630:
        return "dh"; /* ذ */
    case 0x0631:
        return "r"; /* ر */
    case 0x0632:
        return "z"; /* ز */
    case 0x0633:
        return "s"; /* س */
    case 0x0634:
        return "sh"; /* ش */
    case 0x0635:
        return "s"; /* ص */
    case 0x0636:
        return "d"; /* ض */
    case 0x0637:
        return "t"; /* ط */
    case 0x0638:
        return "z"; /* ظ */
    case 0x0639:
        return ""; /* ع */
    case 0x063A:
        return "gh"; /* غ */
    case 0x0641:
        return "f"; /* ف */
    case 0x0642:
        return "q"; /* ق */
    case 0x0643:
        return "k"; /* ك */
    case 0x0644:
        return "l"; /* ل */
    case 0x0645:
        return "m"; /* م */
    case 0x0646:
        return "n"; /* ن */
    case 0x0647:
        return "h"; /* ه */
    case 0x0648:
        return "w"; /* و */
    case 0x064A:
        return "y"; /* ي */
    case 0x067E:
        return "p"; /* پ */
    case 0x0686:
        return "ch"; /* چ */
    case 0x06A4:
        return "v"; /* ڤ */
    case 0x06AF:
        return "g"; /* گ */
    default:
        return NULL;
    }
}

/* Appends the ASCII spelling of one folded word to out. */
static void transliterate_word(const char *word, GString *out)
{
    bool after_consonant = false;
    for (const gchar *p = word; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c < 0x80) {
            g_string_append_c(out, (char)c);
            after_consonant = false;
            continue;
        }
        const char *latin = arabic_latin(c);
        if (latin == NULL)
            continue; /* another script: nothing readable to write */
        const gchar *next = g_utf8_next_char(p);
        if (c == 0x0648 && after_consonant) /* و after a consonant is the vowel ou */
            latin = "ou";
        else if (c == 0x064A && after_consonant) /* ي after a consonant is the vowel i */
            latin = "i";
        else if (c == 0x0647 && *next == '\0' && p != word) /* final ه (ة) is the ending a */
            latin = "a";
        g_string_append(out, latin);
        after_consonant = c != 0x0627 && c != 0x0648 && c != 0x064A && latin[0] != '\0';
    }
}

char *coopnet_i_names_slug(const char *text, size_t max_length)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return NULL;
    char *words[256];
    size_t n_words = content_words(folded, true, words, 256);
    GString *slug = g_string_new("");
    GString *word = g_string_new("");
    for (size_t i = 0; i < n_words; i++) {
        g_string_truncate(word, 0);
        transliterate_word(words[i], word);
        if (word->len == 0)
            continue;
        size_t needed = slug->len + (slug->len > 0) + word->len;
        if (needed > max_length) {
            if (slug->len == 0) /* one long word: cut it */
                g_string_append_len(slug, word->str, (gssize)max_length);
            break;
        }
        if (slug->len > 0)
            g_string_append_c(slug, '_');
        g_string_append_len(slug, word->str, (gssize)word->len);
    }
    char *result = strdup(slug->str);
    g_string_free(word, TRUE);
    g_string_free(slug, TRUE);
    free(folded);
    return result;
}

size_t coopnet_i_names_distance(const char *a, const char *b, size_t limit)
{
    glong length_a, length_b;
    gunichar *x = g_utf8_to_ucs4_fast(a, -1, &length_a);
    gunichar *y = g_utf8_to_ucs4_fast(b, -1, &length_b);
    size_t n = (size_t)length_a, m = (size_t)length_b;
    size_t result = limit + 1;
    size_t row_buffer[2][65];
    size_t *previous = row_buffer[0], *current = row_buffer[1];
    size_t *heap = NULL;
    if ((n > m ? n - m : m - n) > limit)
        goto cleanup;
    if (m + 1 > 65) {
        heap = malloc(2 * (m + 1) * sizeof *heap);
        if (heap == NULL)
            goto cleanup;
        previous = heap;
        current = heap + m + 1;
    }
    for (size_t j = 0; j <= m; j++)
        previous[j] = j;
    for (size_t i = 1; i <= n; i++) {
        current[0] = i;
        size_t row_minimum = current[0];
        for (size_t j = 1; j <= m; j++) {
            size_t substitute = previous[j - 1] + (x[i - 1] != y[j - 1]);
            size_t remove = previous[j] + 1, insert = current[j - 1] + 1;
            size_t best = substitute < remove ? substitute : remove;
            current[j] = best < insert ? best : insert;
            if (current[j] < row_minimum)
                row_minimum = current[j];
        }
        if (row_minimum > limit)
            goto cleanup; /* every later row is at least as far */
        size_t *swap = previous;
        previous = current;
        current = swap;
    }
    result = previous[m] <= limit ? previous[m] : limit + 1;
cleanup:
    free(heap);
    g_free(x);
    g_free(y);
    return result;
}

bool coopnet_i_names_has_arabic(const char *text)
{
    for (const gchar *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
            (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
            return true;
    }
    return false;
}

/* Where the NFC of text[start ..] may be cut: before an ASCII byte (a starter that composes with
 * nothing before it), or, in a long run without one, before a starter that does not compose with
 * the character before it. Normalising piece by piece gives the NFC of the whole, and keeps the
 * work linear: GLib's g_utf8_normalize moves the rest of its buffer at each composition, which
 * made a 10 MB name with a combining mark every few letters take minutes. */
#define NFC_RUN_MAX 1024

static size_t nfc_piece_end(const char *text, size_t start, size_t length)
{
    size_t end = start;
    /* the piece's first character (ASCII or not), then everything up to the next ASCII byte */
    end = (size_t)(g_utf8_next_char(text + end) - text);
    while (end < length && (unsigned char)text[end] >= 0x80) {
        if (end - start >= NFC_RUN_MAX) {
            gunichar previous = g_utf8_get_char(g_utf8_find_prev_char(text + start, text + end));
            gunichar next = g_utf8_get_char(text + end), composed;
            /* a Hangul vowel or final jamo may complete a syllable begun two characters
             * back (L + V + T), which a test of the pair alone would miss */
            bool jamo = next >= 0x1160 && next <= 0x11FF;
            if (g_unichar_combining_class(next) == 0 && !jamo &&
                !g_unichar_compose(previous, next, &composed))
                break;
        }
        end = (size_t)(g_utf8_next_char(text + end) - text);
    }
    return end < length ? end : length;
}

bool coopnet_i_names_nfc(const char *text, size_t length, char **nfc, size_t *nfc_length)
{
    *nfc = NULL;
    *nfc_length = length;
    size_t i = 0;
    while (i < length && (unsigned char)text[i] < 0x80)
        i++;
    if (i == length)
        return true; /* ASCII is its own NFC */
    if (!g_utf8_validate(text, (gssize)length, NULL))
        return false;
    GString *normal = NULL; /* made at the first piece that changes */
    /* pieces: the ASCII before a non-ASCII run is kept as it is, but its last character starts
     * the run's piece (a base letter of the marks that follow) */
    size_t done = 0, position = i > 0 ? i - 1 : 0;
    while (position < length) {
        size_t end = nfc_piece_end(text, position, length);
        char *piece = g_utf8_normalize(text + position, (gssize)(end - position), G_NORMALIZE_NFC);
        if (piece == NULL) {
            if (normal != NULL)
                g_string_free(normal, TRUE);
            return false;
        }
        size_t piece_length = strlen(piece);
        bool same =
            piece_length == end - position && memcmp(piece, text + position, end - position) == 0;
        if (!same && normal == NULL)
            normal = g_string_sized_new(length + 16);
        if (normal != NULL) {
            g_string_append_len(normal, text + done, (gssize)(position - done));
            g_string_append_len(normal, piece, (gssize)piece_length);
            done = end;
        }
        g_free(piece);
        /* skip the ASCII up to the next run, keeping its last character for the run's piece */
        size_t next = end;
        while (next < length && (unsigned char)text[next] < 0x80)
            next++;
        position = next < length && next > end ? next - 1 : next;
    }
    if (normal == NULL)
        return true; /* already NFC */
    g_string_append_len(normal, text + done, (gssize)(length - done));
    *nfc = malloc(normal->len + 1); /* the caller frees with free, not g_free */
    if (*nfc != NULL) {
        memcpy(*nfc, normal->str, normal->len + 1);
        *nfc_length = normal->len;
    }
    g_string_free(normal, TRUE);
    return *nfc != NULL;
}

char *coopnet_i_names_casefold(const char *text)
{
    gchar *folded = g_utf8_casefold(text, -1);
    char *result = strdup(folded);
    g_free(folded);
    return result;
}
