# The Debian packages (cpack -G DEB, tests/package/deb.sh), one per
# component of cmake/install.cmake: cchc (runtime) and libcchc-dev
# (development). Included by the root CMakeLists.txt after cmake/install.cmake.
set(CPACK_PACKAGE_NAME cchc)
set(CPACK_PACKAGE_VENDOR "cchc")
set(CPACK_PACKAGE_CONTACT "cchc maintainers <cchc@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "self-scoring of the administrative reform index (Chỉ số CCHC)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
# The program without its debug information (static libraries are not stripped).
set(CPACK_STRIP_FILES TRUE)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME cchc)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION utils)
# The shared libraries the program links, found by dpkg-shlibdeps.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libcchc-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libyaml-cpp-dev (>= 0.7), libfmt-dev (>= 9), libutf8proc-dev, libmd-dev, libxlsxwriter-dev, pkg-config, cmake (>= 3.25)")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "self-scoring of the administrative reform index (Chỉ số CCHC)\n cchc computes a unit's PAR Index score and rank from its evidence, explains\n the criteria that lose points, predicts the rank, writes the remediation\n checklist and checks a repository of yearly data in CI.")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
    "cchc library: scoring of the administrative reform index (development files)\n The static libraries, headers and CMake package (find_package(cchc): cchc::lib, cchc::report).")
include(CPack)
