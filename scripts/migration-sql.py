#!/usr/bin/env python3
"""Writes the SQL of a new hand-written migration (docs/decisions/0002).

Usage, after changing the model:
  dotnet build src/Ttdn
  dotnet src/Ttdn/bin/Debug/net10.0/ttdn.dll schema-script --provider Sqlite   > /tmp/sqlite2.sql
  dotnet src/Ttdn/bin/Debug/net10.0/ttdn.dll schema-script --provider Postgres > /tmp/pg2.sql
  python3 scripts/migration-sql.py M0003_Name "what it adds"
It keeps the statements of the model's CREATE script that no earlier migration has: new tables and indexes.
Changed columns need ALTER statements written by hand; SchemaTests then prove the result equals the model.
"""
import os, re, sys
MIGRATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Ttdn", "Data", "Migrations")
name, desc = sys.argv[1], sys.argv[2]
import glob
for prov, new in [("sqlite","/tmp/sqlite2.sql"),("postgres","/tmp/pg2.sql")]:
    olds = "".join(open(f).read() for f in sorted(glob.glob(f"{MIGRATIONS}/M*.{prov}.sql")) if name not in f)
    oldn = re.sub(r"\s+"," ",olds)
    stmts = [s.strip() for s in open(new).read().split(";\n") if s.strip()]
    keep = [s+";" for s in stmts if re.sub(r"\s+"," ",s+";") not in oldn]
    label = "PostgreSQL" if prov=="postgres" else "SQLite"
    with open(f"{MIGRATIONS}/{name}.{prov}.sql","w") as f:
        f.write(f"-- {name} ({label}): {desc}\n-- Written from 'ttdn schema-script'; SchemaTests prove the migrated schema equals the model.\n\n" + "\n\n".join(keep)+"\n")
    print(prov, len(keep))
