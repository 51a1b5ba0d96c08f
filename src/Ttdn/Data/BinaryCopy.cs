using System.Data.Common;
using Npgsql;

namespace Ttdn.Data;

/// <summary>
/// Bulk rows into PostgreSQL with <c>COPY … FROM STDIN (FORMAT BINARY)</c>: no SQL to plan and no arrays to take apart,
/// each value sent in its wire format (decision 0026). Runs in the connection's current transaction.
/// </summary>
internal static class BinaryCopy
{
    /// <summary>One row per element, its fields written by <paramref name="write"/> in the order of <paramref name="columns"/>; nothing when there are no rows.</summary>
    public static async Task WriteAsync<T>(DbConnection connection, string table, string columns, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        NpgsqlBinaryImporter? copy = null;
        try
        {
            foreach (var row in rows)
            {
                copy ??= await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
                await copy.StartRowAsync(ct);
                await write(copy, row);
            }
            if (copy is not null) await copy.CompleteAsync(ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }
}
