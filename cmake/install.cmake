# Installation (cmake --install), included by the root CMakeLists.txt after
# the targets; the Debian packages are in cmake/packaging.cmake.
# Components: "runtime" (the program, the criteria as files, the man page,
# the bash completion, the JSON Schemas) and "development" (the library,
# its headers and the CMake package).
install(TARGETS cchc RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
install(FILES ${CCHC_CRITERIA_FILES} DESTINATION "${CMAKE_INSTALL_DATADIR}/cchc/criteria" COMPONENT runtime)
install(DIRECTORY schemas/ DESTINATION "${CMAKE_INSTALL_DATADIR}/cchc/schemas" COMPONENT runtime
        FILES_MATCHING PATTERN "*.json")
# The man page, compressed the way Debian ships man pages.
find_program(GZIP gzip REQUIRED)
set(CCHC_MAN_GZ "${CMAKE_CURRENT_BINARY_DIR}/generated/cchc.1.gz")
add_custom_command(
  OUTPUT "${CCHC_MAN_GZ}"
  COMMAND "${GZIP}" -9 -n -c "${CMAKE_CURRENT_SOURCE_DIR}/cli/cchc.1" > "${CCHC_MAN_GZ}"
  DEPENDS cli/cchc.1
  COMMENT "Compressing the man page")
add_custom_target(cchc_man ALL DEPENDS "${CCHC_MAN_GZ}")
install(FILES "${CCHC_MAN_GZ}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT runtime)
install(FILES cli/cchc.bash-completion DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME cchc COMPONENT runtime)

install(TARGETS cchc_lib cchc_report EXPORT cchcTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY lib/include/cchc DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT development)
set(CCHC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/cchc")
install(EXPORT cchcTargets NAMESPACE cchc:: DESTINATION "${CCHC_CMAKE_DIR}" COMPONENT development)
include(CMakePackageConfigHelpers)
configure_package_config_file(cmake/cchcConfig.cmake.in "${CMAKE_CURRENT_BINARY_DIR}/cchcConfig.cmake"
                              INSTALL_DESTINATION "${CCHC_CMAKE_DIR}")
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/cchcConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/cchcConfig.cmake" "${CMAKE_CURRENT_BINARY_DIR}/cchcConfigVersion.cmake"
        DESTINATION "${CCHC_CMAKE_DIR}" COMPONENT development)
