using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261123000004_Reports")]
public sealed class M0004_Reports : SqlMigration;
