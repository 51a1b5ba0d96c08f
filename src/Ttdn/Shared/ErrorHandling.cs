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

    public static (int Status, string Title, string Detail) Describe(Exception? error) => error switch
    {
        DomainException d => (d.StatusCode, Lang.T("Không thực hiện được", "Not done"), d.Message),
        DbUpdateConcurrencyException => (409, Lang.T("Xung đột chỉnh sửa", "Edit conflict"),
            "Dữ liệu vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi sửa lại. (Someone else changed this just now: reload and retry.)"),
        BadHttpRequestException b => (b.StatusCode, Lang.T("Yêu cầu không hợp lệ", "Bad request"),
            $"Dữ liệu gửi lên không đọc được: {b.Message} {b.InnerException?.Message} Hãy kiểm tra định dạng JSON và kiểu của từng trường (ngày dạng yyyy-MM-dd). (The request could not be read.)"),
        _ => (500, Lang.T("Lỗi hệ thống", "Server error"),
            "Đã có lỗi ngoài dự kiến; thao tác chưa được lưu. Hãy thử lại, nếu vẫn lỗi hãy báo quản trị. (Unexpected error; nothing was saved.)"),
    };
}
