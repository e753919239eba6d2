/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/coopnet.h - the whole public API of coopnet, a toolkit for analysing cooperation
 * networks. Include this, link with -lcoopnet (pkg-config coopnet). */
#ifndef COOPNET_COOPNET_H
#define COOPNET_COOPNET_H

#include "coopnet/error.h"
#include "coopnet/text.h"
#include "coopnet/library.h"
#include "coopnet/diag.h"
#include "coopnet/csv.h"
#include "coopnet/date.h"
#include "coopnet/bundle.h"
#include "coopnet/graph.h"
#include "coopnet/output.h"
#include "coopnet/export.h"
#include "coopnet/table.h"
#include "coopnet/progress.h"
#include "coopnet/lang.h"
#include "coopnet/render.h"
#include "coopnet/chart.h"
#include "coopnet/jobs.h"
#include "coopnet/report.h"
#include "coopnet/explore.h"
#include "coopnet/centrality.h"
#include "coopnet/rank.h"
#include "coopnet/groups.h"
#include "coopnet/nlc.h"
#include "coopnet/brokerage.h"
#include "coopnet/communities.h"
#include "coopnet/backbone.h"
#include "coopnet/snapshots.h"
#include "coopnet/whatif.h"
#include "coopnet/temporal.h"
#include "coopnet/generate.h"
#include "coopnet/import.h"
#include "coopnet/dedupe.h"
#include "coopnet/geocode.h"

#endif
