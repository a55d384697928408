# cchc_sanitizers: AddressSanitizer and UndefinedBehaviorSanitizer for cchc's
# own targets when CCHC_SANITIZE is ON (.ci/run's sanitizer step), as an
# INTERFACE target; empty otherwise.
option(CCHC_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(cchc_sanitizers INTERFACE)
if(CCHC_SANITIZE)
  target_compile_options(cchc_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(cchc_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
