#!/usr/bin/python3
"""Sum the counters of every .trx file in a folder and print `N passed, N failed`.

Usage: summarize-trx.py RESULTS_DIR. Also lists each failed test (to stderr)
and each test project that ran no test. Exit 0 when nothing failed, 1 otherwise;
no .trx file at all (dotnet test died before writing one) or an unreadable one
counts as a failure.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def assembly_name(root: ET.Element, path: pathlib.Path) -> str:
    """The test assembly a trx file is about, for messages (trx names only carry a timestamp)."""
    test = root.find("t:TestDefinitions/t:UnitTest", NS)
    if test is not None and test.get("storage"):
        return pathlib.Path(test.get("storage")).name
    for text in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo/t:Text", NS):
        found = re.search(r"([\w.]+\.dll)", text.text or "")
        if found:
            return found.group(1)
    return path.name


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit("usage: summarize-trx.py RESULTS_DIR")
    folder = pathlib.Path(sys.argv[1])
    files = sorted(folder.rglob("*.trx")) if folder.is_dir() else []
    passed = failed = other = 0
    # Tests per assembly over every file: test.sh runs each project twice (main and
    # ExclusiveTestbed), and a project is only "without tests" if neither run had any.
    totals: dict[str, tuple[str, int]] = {}
    if not files:
        print(f"no .trx results in {folder}", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            print(f"unreadable results file {path}: {error}", file=sys.stderr)
            failed += 1
            continue
        counters = root.find("t:ResultSummary/t:Counters", NS)
        if counters is None:
            print(f"no counters in {path}", file=sys.stderr)
            failed += 1
            continue
        file_passed = int(counters.get("passed", 0))
        file_failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        other += int(counters.get("total", 0)) - file_passed - file_failed
        # A crashed or hang-killed test host leaves the unfinished test out of the counters.
        run_outcome = root.find("t:ResultSummary", NS).get("outcome", "")
        if run_outcome in ("Aborted", "Error", "Failed", "Timeout") and file_failed == 0:
            print(f"ABORTED test run of {assembly_name(root, path)} (outcome {run_outcome}: crash or hang)", file=sys.stderr)
            file_failed = 1
        passed += file_passed
        failed += file_failed
        name = assembly_name(root, path)
        previous = totals.get(name.lower(), (name, 0))[1]
        totals[name.lower()] = (name, previous + int(counters.get("total", 0)))
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            if result.get("outcome") not in ("Passed", "NotExecuted"):
                print(f"FAILED {result.get('testName')}", file=sys.stderr)
    for name, total in totals.values():
        if total == 0:
            print(f"note: {name} ran no tests", file=sys.stderr)
    if other:
        print(f"note: {other} test(s) neither passed nor failed (not executed)", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
