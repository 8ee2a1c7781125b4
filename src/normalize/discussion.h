// Reader comments told apart from the story by their shape, not their names: a template's
// class names ("comment-list") change with a redesign, while a thread stays a run of items
// alike, each opening with who wrote it and when.
#ifndef REDLINE_NORMALIZE_DISCUSSION_H_
#define REDLINE_NORMALIZE_DISCUSSION_H_

#include <gumbo.h>

#include <string_view>

namespace redline::normalize {

// Whether the first words of a comment say when it was written: "2 days ago at 07:54 am",
// "Alex on September 17, 2018 at 6:34 am said:", "17.09.2018 14:02".
bool OpensWithDate(std::string_view text);

// A thread of comments: three or more element children of one shape (the same tag and the
// same class attribute, whatever it says), most of which open with a date or time and
// hold more than it. A live blog's entries look the same; callers set a thread aside only
// when the story has text outside it.
bool IsDiscussion(const GumboNode* node);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_DISCUSSION_H_
