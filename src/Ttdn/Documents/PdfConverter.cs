using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Ttdn.Shared;

namespace Ttdn.Documents;

/// <summary>
/// DOCX → PDF through LibreOffice (<c>soffice --headless --convert-to pdf</c>), so the PDF shows exactly what Word would
/// print. Each conversion gets its own LibreOffice profile directory: two conversions sharing one profile block each
/// other, and a crashed one would leave a lock behind. LibreOffice is optional; without it the user gets the DOCX.
/// </summary>
public sealed class PdfConverter(PdfConverter.Settings settings)
{
    public const string ContentType = "application/pdf";
    public const string NotInstalledMessage = "Chưa cài LibreOffice nên không tạo được PDF; tải bản DOCX. (LibreOffice is not installed, so no PDF: download the DOCX.)";

    /// <param name="Soffice">The soffice executable: a path, or a name looked up on PATH (configuration Documents:Soffice).</param>
    public sealed record Settings(string Soffice, TimeSpan Timeout)
    {
        public static Settings From(IConfiguration config) => new(
            config["Documents:Soffice"] is { Length: > 0 } path ? path : "soffice",
            TimeSpan.FromSeconds(int.TryParse(config["Documents:PdfTimeoutSeconds"], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 90));
    }

    // LibreOffice takes a whole core while converting; two at once is plenty for a provincial office's server.
    private readonly SemaphoreSlim _gate = new(2);

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        DirectoryInfo? work = null;
        try
        {
            work = Directory.CreateTempSubdirectory("ttdn-pdf-");
            var input = Path.Combine(work.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(settings.Soffice)
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work.FullName,
            };
            foreach (var arg in (string[])["--headless", "--norestore", "--nolockcheck", "--nodefault",
                         "-env:UserInstallation=" + new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri,
                         "--convert-to", "pdf", "--outdir", work.FullName, input])
                start.ArgumentList.Add(arg);
            // LibreOffice writes caches under HOME; the service account may have none.
            start.Environment["HOME"] = work.FullName;

            Process process;
            try { process = Process.Start(start) ?? throw new DomainException(NotInstalledMessage, 503); }
            catch (Win32Exception) { throw new DomainException(NotInstalledMessage, 503); }
            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync(ct);
                _ = process.StandardOutput.ReadToEndAsync(ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(settings.Timeout);
                try { await process.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    ct.ThrowIfCancellationRequested();
                    throw new DomainException(
                        $"LibreOffice không tạo xong PDF trong {settings.Timeout.TotalSeconds:0} giây; hãy thử lại sau hoặc tải bản DOCX. (PDF conversion timed out: download the DOCX.)", 503);
                }
                var output = Path.Combine(work.FullName, "document.pdf");
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    var reason = (await stderr).Trim();
                    throw new DomainException(
                        $"LibreOffice không tạo được PDF (mã {process.ExitCode}{(reason.Length > 0 ? ": " + reason[..Math.Min(300, reason.Length)] : "")}); hãy tải bản DOCX. (PDF conversion failed: download the DOCX.)", 503);
                }
                return await File.ReadAllBytesAsync(output, ct);
            }
        }
        finally
        {
            _gate.Release();
            try { work?.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(new PdfConverter(PdfConverter.Settings.From(config)));
}
