# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DCOMMAND="prog;arg;..." -DOUTPUT=file -P run-to-file.cmake
# Runs COMMAND and writes its standard output to OUTPUT, failing the build when it fails (a shell
# redirection in add_custom_command would not be portable across generators).
execute_process(COMMAND ${COMMAND} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "'${COMMAND}' failed: ${status}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
