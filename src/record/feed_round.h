// The feed part of a fetch round (fetch_round.h).
#ifndef REDLINE_RECORD_FEED_ROUND_H_
#define REDLINE_RECORD_FEED_ROUND_H_

#include <cstdint>

#include "record/fetch_round.h"
#include "redline/archive.h"
#include "web/fetcher.h"
#include "web/local_state.h"
#include "web/tracking.h"

namespace redline::record {

// Fetches the feeds that are due (every options.feed_interval, or options.every when set;
// all with options.all), noting the others in `report` (RoundReport::NoteLater), and tracks
// their new items that pass the feed's filters, are not tracked yet and were not untracked
// by hand, committing the tracking list once. A failing feed is reported in `report->feeds`; if the list
// cannot be committed, the feeds that added stories report that error and forget their
// validators so their items are found again. Non-ok only when libcurl itself fails.
Status RunFeeds(Archive& archive, web::Fetcher& fetcher, const RoundOptions& options, std::int64_t now,
                web::TrackingList* list, web::LocalState* state, RoundReport* report);

}  // namespace redline::record

#endif  // REDLINE_RECORD_FEED_ROUND_H_
