using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ttdn.Data.Migrations;

[DbContext(typeof(AppDb))]
[Migration("20261123000007_SearchBlocks")]
public sealed class M0007_SearchBlocks : SqlMigration;
