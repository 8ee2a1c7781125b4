# libredline: the shared library for other programs (include/redline/redline.h). The redline
# executable keeps linking the static modules: no shared library to load at start-up.
# The modules are built as position-independent code so that they can be linked in here.
include(GNUInstallDirs)
set(REDLINE_SOVERSION ${PROJECT_VERSION_MAJOR})

# The header's version macros are what programs compile against: they must say the same.
file(STRINGS ${PROJECT_SOURCE_DIR}/include/redline/redline.h REDLINE_HEADER_VERSION
     REGEX "^#define REDLINE_VERSION_STRING ")
if(NOT REDLINE_HEADER_VERSION MATCHES "\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "include/redline/redline.h says ${REDLINE_HEADER_VERSION}; project() says ${PROJECT_VERSION}")
endif()

file(GLOB LIB_SOURCES CONFIGURE_DEPENDS src/lib/*.cc)
list(FILTER LIB_SOURCES EXCLUDE REGEX "_test\\.cc$")
add_library(libredline SHARED ${LIB_SOURCES})
set_target_properties(libredline PROPERTIES
  OUTPUT_NAME redline
  EXPORT_NAME redline
  VERSION ${PROJECT_VERSION}
  SOVERSION ${REDLINE_SOVERSION}
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  LINK_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/libredline.map)
target_include_directories(libredline
  PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_compile_features(libredline PUBLIC cxx_std_17)
target_link_libraries(libredline PRIVATE redline_record redline_normalize redline_archive redline_diff)
# Only redline::lib is exported (the version script); libraries the facade does not reach
# are not recorded as needed.
target_link_options(libredline PRIVATE
  LINKER:--version-script=${PROJECT_SOURCE_DIR}/cmake/libredline.map LINKER:--as-needed)
if(NOT (REDLINE_SANITIZE OR REDLINE_FUZZ))
  # Sanitizer runtimes are the executable's to bring, so only plain builds can insist.
  target_link_options(libredline PRIVATE LINKER:--no-undefined)
endif()
add_library(redline::redline ALIAS libredline)

# The library's test goes through the shared library, as a program using it would.
add_executable(lib_test src/lib/redline_test.cc)
target_link_libraries(lib_test PRIVATE redline::redline GTest::gtest_main)
target_compile_definitions(lib_test PRIVATE REDLINE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(lib_test DISCOVERY_TIMEOUT 60)
