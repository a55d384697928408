# cchc_warnings: the warnings of cchc's own targets, as an INTERFACE target
# linked only to them (never global CMAKE_CXX_FLAGS).
#
# Warnings as errors (CCHC_WERROR) follow ccache's rule. The default is ON in
# a development checkout (the source tree has a `.git` entry: a directory, or
# the file a `git worktree` has) and under CI (the environment variable CI is
# set and not empty); it is OFF in a user's build from a release tarball or an
# unpacked source tree, where a newer compiler's new warning must not stop the
# build. -DCCHC_WERROR=ON or OFF overrides it; like any option, the value is
# fixed by the first configuration of a build tree. A plain Release build with
# GCC 12 passes with -Werror too (.ci/run builds one), so a user who clones
# the repository is not stopped either.
if(EXISTS "${PROJECT_SOURCE_DIR}/.git" OR NOT "$ENV{CI}" STREQUAL "")
  set(CCHC_WERROR_DEFAULT ON)
else()
  set(CCHC_WERROR_DEFAULT OFF)
endif()
option(CCHC_WERROR "Treat compiler warnings as errors in cchc's own targets (default: ON in a git checkout or under CI)"
       ${CCHC_WERROR_DEFAULT})

add_library(cchc_warnings INTERFACE)
target_compile_options(cchc_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  -Wimplicit-fallthrough
  $<$<BOOL:${CCHC_WERROR}>:-Werror>)
