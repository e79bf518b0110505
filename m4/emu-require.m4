# EMU_REQUIRE_HEADER(HEADER, DEBIAN-PACKAGE)
# Fails configure with the package to install when HEADER is missing.
AC_DEFUN([EMU_REQUIRE_HEADER], [
  AC_CHECK_HEADER([$1], [],
    [AC_MSG_ERROR([$1 not found: install $2 (apt-get install $2)])])
])

# EMU_REQUIRE_HEADER_LIB(HEADER, LIB, FUNCTION, DEBIAN-PACKAGE)
# Also links against LIB, failing with the package to install.
AC_DEFUN([EMU_REQUIRE_HEADER_LIB], [
  EMU_REQUIRE_HEADER([$1], [$4])
  AC_SEARCH_LIBS([$3], [$2], [],
    [AC_MSG_ERROR([lib$2 not found: install $4 (apt-get install $4)])])
])
