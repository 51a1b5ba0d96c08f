using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261123000005_Monitoring")]
public sealed class M0005_Monitoring : SqlMigration;
