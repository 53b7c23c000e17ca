"""Engine tests (make test-engines): the SQL FlowQL generates, run on Spark SQL in local mode.

They reuse the database helpers of Tests/python and start their own PostgreSQL, which FlowQL
needs to read the tables' columns and to compare against."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "python"))
