# Sourced by scripts/fuzz-*.sh: runs one libFuzzer binary over the corpus and reports.
#   run_libfuzzer BINARY DICT MAX_LEN TIMEOUT RSS_MB [SUMMARY_PATTERN]
# Uses WORK, BUILD, CORPUS, ARTIFACTS and SECONDS_BUDGET of the calling script; extra environment
# for the fuzzer (EVALSHEET_FUZZ_BASES, LSAN_OPTIONS) is exported by the caller. Prints the last
# lines of the log, the executions, crashes and corpus size; exits 1 when libFuzzer found anything.
run_libfuzzer() {
    local binary=$1 dict=$2 max_len=$3 timeout=$4 rss=$5 summary=${6:-}
    echo "== fuzzing for ${SECONDS_BUDGET}s"
    LOG="$WORK/fuzz.log"
    set +e
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$BUILD/$binary" "$CORPUS" -dict="$dict" \
        -max_total_time="$SECONDS_BUDGET" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss" \
        -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 >"$LOG" 2>&1
    local status=$?
    set -e
    local execs crashes
    execs=$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$LOG" | grep -Eo '[0-9]+$' || echo "?")
    crashes=$(find "$ARTIFACTS" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    tail -n 12 "$LOG"
    if [ -n "$summary" ]; then grep -E "$summary" "$LOG" | tail -n 1 || true; fi
    echo "== result: executions=$execs crashes=$crashes libfuzzer_status=$status corpus=$(ls "$CORPUS" | wc -l) seconds=$SECONDS_BUDGET"
    if [ "$crashes" -ne 0 ] || [ "$status" -ne 0 ]; then
        echo "reproducers in $ARTIFACTS; log in $LOG"
        exit 1
    fi
}
