/* nyl-json-scan.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-json-scan"

#include "config.h"

#include "nyl-json-scan.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

/* A single pass over a list page that checks the whole document is JSON
 * (RFC 8259: UTF-8, strings with their escapes, numbers, literals, nesting, no
 * trailing bytes) and notes where each list item starts and ends, without
 * building a tree. For output that re-prints the items as the API sent them. */

#define MAX_DEPTH 512

typedef struct
{
  const guchar *start;
  const guchar *p;
  const guchar *end;
  const char   *what;       /* why it failed, for g_debug() */
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *what)
{
  s->what = what;
  return FALSE;
}

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u"; -1 when they are not. */
static gint32
read_hex4 (Scanner *s)
{
  gint32 value = 0;

  if (s->end - s->p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (s->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  s->p += 4;

  return value;
}

/* A byte that stands for itself in a string: ASCII but a control character,
 * the quote or the backslash. */
static inline gboolean
is_plain (guchar c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* A string, from its opening quote; decoded into @out when not NULL. */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  const guchar *run;

  s->p++;                                   /* the opening quote */
  run = s->p;

  for (;;)
    {
      guchar c;

      while (s->p < s->end && is_plain (*s->p))
        s->p++;

      if (s->p >= s->end)
        return fail (s, "unterminated string");

      c = *s->p;
      if (c >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated ((const char *)s->p, s->end - s->p);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            return fail (s, "not UTF-8");
          s->p = (const guchar *)g_utf8_next_char (s->p);
          continue;
        }
      if (c == '"')
        {
          if (out != NULL)
            g_string_append_len (out, (const char *)run, s->p - run);
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, "control character in a string");

      if (out != NULL)
        g_string_append_len (out, (const char *)run, s->p - run);
      s->p++;
      if (s->p >= s->end)
        return fail (s, "unterminated escape");

      c = *s->p++;
      switch (c)
        {
        case '"': case '\\': case '/':
          if (out != NULL)
            g_string_append_c (out, (char)c);
          break;
        case 'b':
          if (out != NULL)
            g_string_append_c (out, '\b');
          break;
        case 'f':
          if (out != NULL)
            g_string_append_c (out, '\f');
          break;
        case 'n':
          if (out != NULL)
            g_string_append_c (out, '\n');
          break;
        case 'r':
          if (out != NULL)
            g_string_append_c (out, '\r');
          break;
        case 't':
          if (out != NULL)
            g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            gint32 unit = read_hex4 (s);
            gunichar ch;

            if (unit < 0)
              return fail (s, "bad \\u escape");

            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail (s, "lone low surrogate");

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                gint32 low;

                if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
                  return fail (s, "lone high surrogate");
                s->p += 2;
                low = read_hex4 (s);
                if (low < 0xDC00 || low > 0xDFFF)
                  return fail (s, "bad surrogate pair");
                ch = 0x10000 + (((gunichar)unit - 0xD800) << 10) + ((gunichar)low - 0xDC00);
              }
            else
              {
                ch = (gunichar)unit;
              }

            if (ch == 0)
              return fail (s, "NUL in a string");
            if (out != NULL)
              g_string_append_unichar (out, ch);
          }
          break;
        default:
          return fail (s, "unknown escape");
        }
      run = s->p;
    }
}

static gboolean
scan_digits (Scanner *s)
{
  const guchar *first = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;

  return s->p > first;
}

/* A number; *@value is set when it is an integer that fits a gint64. */
static gboolean
scan_number (Scanner  *s,
             gboolean *is_int,
             gint64   *value)
{
  const guchar *first = s->p;
  gboolean integral = TRUE;

  if (*s->p == '-')
    s->p++;

  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return fail (s, "bad number");

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integral = FALSE;
      if (!scan_digits (s))
        return fail (s, "bad fraction");
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integral = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return fail (s, "bad exponent");
    }

  if (is_int != NULL)
    {
      char text[32];
      gsize len = s->p - first;
      char *end = NULL;

      *is_int = FALSE;
      if (integral && len < sizeof text)
        {
          memcpy (text, first, len);
          text[len] = '\0';
          errno = 0;
          *value = g_ascii_strtoll (text, &end, 10);
          *is_int = errno == 0 && *end == '\0';
        }
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize)(s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return fail (s, "bad literal");
  s->p += len;

  return TRUE;
}

static gboolean scan_value (Scanner *s,
                            guint    depth);

static gboolean
scan_object (Scanner *s,
             guint    depth)
{
  s->p++;                                   /* { */
  skip_ws (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      skip_ws (s);
      if (s->p >= s->end || *s->p != '"')
        return fail (s, "expected a member name");
      if (!scan_string (s, NULL))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        return fail (s, "expected ':'");
      s->p++;
      if (!scan_value (s, depth + 1))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end)
        return fail (s, "unterminated object");
      if (*s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != ',')
        return fail (s, "expected ',' or '}'");
      s->p++;
    }
}

/* An array; the span of each element goes to @spans when not NULL. */
static gboolean
scan_array (Scanner *s,
            guint    depth,
            GArray  *spans)
{
  s->p++;                                   /* [ */
  skip_ws (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      NylJsonSpan span;

      skip_ws (s);
      span.offset = s->p - s->start;
      if (!scan_value (s, depth + 1))
        return FALSE;
      if (spans != NULL)
        {
          span.length = (s->p - s->start) - span.offset;
          g_array_append_val (spans, span);
        }
      skip_ws (s);
      if (s->p >= s->end)
        return fail (s, "unterminated array");
      if (*s->p == ']')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != ',')
        return fail (s, "expected ',' or ']'");
      s->p++;
    }
}

static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  if (depth > MAX_DEPTH)
    return fail (s, "nested too deeply");

  skip_ws (s);
  if (s->p >= s->end)
    return fail (s, "expected a value");

  switch (*s->p)
    {
    case '{':
      return scan_object (s, depth);
    case '[':
      return scan_array (s, depth, NULL);
    case '"':
      return scan_string (s, NULL);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s, NULL, NULL);
      return fail (s, "unexpected character");
    }
}

/* One member value that must be a string or null; decoded into *@out. */
static gboolean
scan_optional_string (Scanner  *s,
                      char    **out)
{
  g_autoptr(GString) text = NULL;

  skip_ws (s);
  if (s->p < s->end && *s->p == 'n')
    {
      g_clear_pointer (out, g_free);
      return scan_literal (s, "null");
    }
  if (s->p >= s->end || *s->p != '"')
    return fail (s, "expected a string");

  text = g_string_new (NULL);
  if (!scan_string (s, text))
    return FALSE;

  g_free (*out);
  *out = text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;

  return TRUE;
}

/* One member value that must be an integer or null. */
static gboolean
scan_optional_int (Scanner *s,
                   gint64  *out)
{
  gboolean is_int = FALSE;

  skip_ws (s);
  if (s->p < s->end && *s->p == 'n')
    {
      *out = -1;
      return scan_literal (s, "null");
    }
  if (s->p >= s->end || (*s->p != '-' && !g_ascii_isdigit (*s->p)))
    return fail (s, "expected an integer");
  if (!scan_number (s, &is_int, out))
    return FALSE;
  if (!is_int)
    return fail (s, "expected an integer");

  return TRUE;
}

/* The items array of a list, replacing what an earlier duplicate member gave. */
static gboolean
scan_items (Scanner     *s,
            NylJsonPage *page)
{
  skip_ws (s);
  if (s->p >= s->end || *s->p != '[')
    return fail (s, "list items are not an array");

  if (page->items == NULL)
    page->items = g_array_sized_new (FALSE, FALSE, sizeof (NylJsonSpan), 256);
  g_array_set_size (page->items, 0);

  return scan_array (s, 1, page->items);
}

/* The object members of an envelope (top level or `data`), from its '{'. */
static gboolean
scan_envelope (Scanner     *s,
               NylJsonPage *page,
               gboolean     top,
               char       **nested_cursor)
{
  g_autoptr(GString) name = g_string_new (NULL);

  s->p++;                                   /* { */
  skip_ws (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      gboolean ok;

      skip_ws (s);
      if (s->p >= s->end || *s->p != '"')
        return fail (s, "expected a member name");
      g_string_truncate (name, 0);
      if (!scan_string (s, name))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        return fail (s, "expected ':'");
      s->p++;
      skip_ws (s);

      if (top && g_str_equal (name->str, "data") && s->p < s->end && *s->p == '[')
        ok = scan_items (s, page);
      else if (top && g_str_equal (name->str, "data") && s->p < s->end && *s->p == '{')
        ok = scan_envelope (s, page, FALSE, nested_cursor);
      else if (!top && g_str_equal (name->str, "items"))
        ok = scan_items (s, page);
      else if (!top && g_str_equal (name->str, "next_cursor"))
        ok = scan_optional_string (s, nested_cursor);
      else if (top && g_str_equal (name->str, "next_cursor"))
        ok = scan_optional_string (s, &page->next_cursor);
      else if (top && g_str_equal (name->str, "request_id"))
        ok = scan_optional_string (s, &page->request_id);
      else if (top && g_str_equal (name->str, "limit"))
        ok = scan_optional_int (s, &page->limit);
      else if (top && g_str_equal (name->str, "offset"))
        ok = scan_optional_int (s, &page->offset);
      else
        ok = scan_value (s, top ? 1 : 2);

      if (!ok)
        return FALSE;

      skip_ws (s);
      if (s->p >= s->end)
        return fail (s, "unterminated object");
      if (*s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != ',')
        return fail (s, "expected ',' or '}'");
      s->p++;
    }
}

/**
 * nyl_json_scan_page:
 * @data: (array length=length): a list page as the API sent it
 * @length: its length in bytes
 * @page: (out caller-allocates): where to put what was found; cleared first
 * @error: return location for a #GError
 *
 * Checks that @data is one well-formed JSON object and finds the byte spans of
 * the list items in it (`data` as an array, or the nested `data.items`), with
 * `next_cursor` (top level first, then `data.next_cursor`), `request_id`,
 * `limit` and `offset`. The same shape rules as #NylResponse apply: paging
 * members of the wrong type, a `data.items` that is not an array, a document
 * that is not an object, truncated or followed by anything but whitespace are
 * %NYL_API_ERROR_PARSE.
 *
 * Returns: %TRUE when @data is a well-formed page
 */
gboolean
nyl_json_scan_page (const char   *data,
                    gsize         length,
                    NylJsonPage  *page,
                    GError      **error)
{
  Scanner s = { (const guchar *)data, (const guchar *)data, (const guchar *)data + length, NULL };
  g_autofree char *nested_cursor = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  page->items = NULL;
  page->next_cursor = NULL;
  page->request_id = NULL;
  page->limit = -1;
  page->offset = -1;

  /* UTF-8 is checked inside strings: anywhere else a byte over 0x7f is
   * refused anyway. */
  skip_ws (&s);
  if (s.p < s.end && *s.p == '{')
    ok = scan_envelope (&s, page, TRUE, &nested_cursor);
  else
    ok = fail (&s, "not a JSON object");
  if (ok)
    {
      skip_ws (&s);
      if (s.p != s.end)
        ok = fail (&s, "trailing data");
    }

  if (!ok)
    {
      g_debug ("Page is not well-formed JSON at byte %" G_GSIZE_FORMAT ": %s",
               (gsize)(s.p - s.start), s.what);
      nyl_json_page_clear (page);
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("Nylas sent a response that could not be understood"));
      return FALSE;
    }

  if (page->next_cursor == NULL)
    page->next_cursor = g_steal_pointer (&nested_cursor);

  return TRUE;
}

/**
 * nyl_json_page_clear:
 * @page: a #NylJsonPage
 *
 * Frees what @page holds and leaves it empty.
 */
void
nyl_json_page_clear (NylJsonPage *page)
{
  g_clear_pointer (&page->items, g_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_clear_pointer (&page->request_id, g_free);
  page->limit = -1;
  page->offset = -1;
}
