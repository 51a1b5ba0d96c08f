using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261124000008_SearchPairs")]
public sealed class M0008_SearchPairs : SqlMigration;
