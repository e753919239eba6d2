/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/api.h - COOPNET_API marks what the shared library exports.
 *
 * The library is built with -fvisibility=hidden: a function is visible to programs that link
 * libcoopnet.so only when its declaration in include/coopnet/ carries COOPNET_API. Everything
 * else is internal, declared under src/ and named coopnet_i_<module>_... (tests/exports_check.sh
 * checks both rules on the built library).
 */
#ifndef COOPNET_API_H
#define COOPNET_API_H

#if defined(__GNUC__) || defined(__clang__)
#define COOPNET_API __attribute__((visibility("default")))
#else
#define COOPNET_API
#endif

#endif
