using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261123000002_PlansAndTasks")]
public sealed class M0002_PlansAndTasks : SqlMigration;
