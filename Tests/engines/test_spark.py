"""The differential queries of Tests/python/test_database.py, compiled for Spark SQL
(`| sql spark`) and run by pyspark in local mode on the same data: equal to FlowQL in memory."""
import pytest

import database_support as db

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    from pyspark.sql import SparkSession

    server = db.loaded_server(tmp_path_factory.mktemp("data"))
    folder = server.folder
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("warehouse")))
             .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.sql("CREATE DATABASE IF NOT EXISTS public")
    for name, schema in db.SCHEMAS.items():
        # RFC 4180 files (Python's csv module): a quote inside a value is doubled, not escaped with `\`.
        df = spark.read.csv(str(folder / f"{name}.csv"), header=True, schema=schema.replace("TEXT", "STRING"),
                            escape='"')
        df.write.mode("overwrite").saveAsTable(f"public.{name}")
    yield server, spark
    spark.stop()
    server.cleanup()


@pytest.mark.parametrize("source,stages,ordered", db.QUERIES, ids=[q[1][:60] for q in db.QUERIES])
def test_spark_sql_agrees_with_flowql_in_memory(setup, source, stages, ordered):
    server, spark = setup
    code = (db.PRELUDE + f'connect "{server.url}" as wh\nlet mem = {source}\nmem | {stages}\n'
            + f"{source} | {stages} | sql spark")
    events, _ = db.run(code, env=server.env())
    header, memory = db.tables(events)[-1]
    memory = [[db.value(c) for c in r] for r in memory]
    text, params = db.split_sql(db.sql_outputs(events)[0])
    rows = db.engine_rows(header, [list(r) for r in spark.sql(text, args=params).collect()])
    assert db.rows_equal(memory, rows, ordered), f"\nmemory: {memory[:5]}\nspark: {rows[:5]}\n{text}"
    print(f"\nok {len(memory):>6} rows  {source.split()[1]} | {stages}")
