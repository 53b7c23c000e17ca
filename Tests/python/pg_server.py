"""A real PostgreSQL 15 for the database tests: initdb in a temp folder, pg_ctl on 127.0.0.1 and a
free port, password authentication over TCP; stopped afterwards.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""
import glob
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile

USER = "flowql"
PASSWORD = "s3cret-pw"
DATABASE = "flowql"


def pg_bin():
    """The directory of initdb and pg_ctl (Debian puts them under /usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found:
        return pathlib.Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return pathlib.Path(candidates[-1]).parent if candidates else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.bin = pg_bin()
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="flowql-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, args, **kw):
        if self.as_root:
            args = ["runuser", "-u", "postgres", "--"] + args
        return subprocess.run(args, check=True, capture_output=True, text=True, **kw)

    def start(self):
        os.chmod(self.dir, 0o777)
        pwfile = self.dir / "pw"
        pwfile.write_text(PASSWORD + "\n")
        os.chmod(pwfile, 0o644)
        if self.as_root:
            shutil.chown(self.dir, "postgres")
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "--pwfile", str(pwfile),
                   "--auth-host=scram-sha-256", "--auth-local=trust", "--no-locale", "-E", "UTF8"])
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w",
                   "-o", f"-p {self.port} -h 127.0.0.1 -k {self.dir}", "start"])
        self.psql("CREATE DATABASE " + DATABASE, db="postgres")
        return self

    def stop(self):
        try:
            self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass

    def restart(self):
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w",
                   "-o", f"-p {self.port} -h 127.0.0.1 -k {self.dir}", "start"])

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def url(self):
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{DATABASE}"

    def env(self, password=PASSWORD):
        env = dict(os.environ)
        env["PGPASSWORD"] = password
        return env

    def psql(self, sql, db=DATABASE, stdin=None):
        """Runs SQL with psql over TCP (as the test's user; the password from PGPASSWORD)."""
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER,
                "-d", db, "-At", "-c", sql]
        return subprocess.run(args, check=True, capture_output=True, text=True, env=self.env(), input=stdin).stdout
