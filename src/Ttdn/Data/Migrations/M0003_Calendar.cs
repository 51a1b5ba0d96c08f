using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261123000003_Calendar")]
public sealed class M0003_Calendar : SqlMigration;
