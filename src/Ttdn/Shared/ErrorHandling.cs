using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Ttdn.Shared;

/// <summary>
/// One place that turns failures into answers. The API gets ProblemDetails whose detail says what to fix;
/// pages get the friendly error page. Unexpected errors are logged and never shown raw.
/// </summary>
public static class ErrorHandling
{
    public static void Handle(IApplicationBuilder app) => app.Run(async http =>
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = Describe(error);
        if (status == 500)
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ttdn").LogError(error, "Unhandled error on {Path}", http.Request.Path);
        http.Response.StatusCode = status;
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/healthz"))
        {
            await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(http);
            return;
        }
        http.Response.Redirect($"/Error?code={status}");
    });

    /// <summary>
    /// A body declared larger than its endpoint's limit is refused before anything reads it: reading it would fail inside
    /// the antiforgery check or the form reader, which answer 400 ("bad request") instead of saying the file is too large.
    /// Pages get the 413 error page for what they take (plan, media file); the API gets ProblemDetails with the limit.
    /// </summary>
    public static void RefuseTooLarge(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is not { } max || http.Request.ContentLength is not { } length || length <= max)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (http.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(statusCode: 413, title: Lang.T("Tệp tải lên quá lớn", "The upload is too large"),
                detail: $"Dữ liệu gửi lên lớn hơn giới hạn {max / 1024 / 1024} MB; chưa lưu gì. Hãy chia nhỏ tệp rồi gửi lại. (The body exceeds the {max / 1024 / 1024} MB limit; nothing was saved.)").ExecuteAsync(http);
    });

    public static (int Status, string Title, string Detail) Describe(Exception? error) => error switch
    {
        // The form reader's own limit on a multipart body (RequestFormLimits): a body sent without its length gets this far.
        _ when OverFormLimit(error) => (413, Lang.T("Tệp tải lên quá lớn", "The upload is too large"),
            "Tệp tải lên lớn hơn giới hạn; chưa lưu gì. Hãy chia nhỏ tệp rồi gửi lại. (The upload exceeds the limit; nothing was saved.)"),
        DomainException d => (d.StatusCode, Lang.T("Không thực hiện được", "Not done"), d.Message),
        DbUpdateConcurrencyException => (409, Lang.T("Xung đột chỉnh sửa", "Edit conflict"),
            "Dữ liệu vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi sửa lại. (Someone else changed this just now: reload and retry.)"),
        BadHttpRequestException b => (b.StatusCode, Lang.T("Yêu cầu không hợp lệ", "Bad request"),
            $"Dữ liệu gửi lên không đọc được: {b.Message} {b.InnerException?.Message} Hãy kiểm tra định dạng JSON và kiểu của từng trường (ngày dạng yyyy-MM-dd). (The request could not be read.)"),
        _ => (500, Lang.T("Lỗi hệ thống", "Server error"),
            "Đã có lỗi ngoài dự kiến; thao tác chưa được lưu. Hãy thử lại, nếu vẫn lỗi hãy báo quản trị. (Unexpected error; nothing was saved.)"),
    };

    private static bool OverFormLimit(Exception? error) =>
        (error as InvalidDataException ?? error?.InnerException as InvalidDataException)?.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) == true;
}
