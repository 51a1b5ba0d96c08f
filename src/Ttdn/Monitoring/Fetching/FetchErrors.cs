using System.Globalization;

namespace Ttdn.Monitoring.Fetching;

/// <summary>The reasons a fetch reports: what happened and what to do, Vietnamese first, English in parentheses.</summary>
internal static class FetchErrors
{
    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    public static string Timeout(TimeSpan limit, int attempts) =>
        $"Nguồn không trả lời trong {Seconds(limit)} giây, đã thử {attempts} lần; hãy kiểm tra trang còn hoạt động không (no complete response within {Seconds(limit)} s after {Attempts(attempts)}; check that the site is up)";

    public static string Network(string host, string detail, int attempts) =>
        $"Không kết nối được tới {host} sau {attempts} lần thử: {detail}; hãy kiểm tra địa chỉ và mạng (could not connect to {host} after {Attempts(attempts)}: {detail})";

    public static string ServerError(int status, int attempts) =>
        $"Nguồn trả về lỗi {status} sau {attempts} lần thử; sẽ thử lại ở lượt lấy tin sau (server error {status} after {Attempts(attempts)}; will retry at the next scheduled fetch)";

    public static string WaitTooLong(int status, TimeSpan wait) =>
        $"Nguồn yêu cầu chờ {Seconds(wait)} giây rồi mới lấy lại (lỗi {status}); sẽ thử lại ở lượt sau (the server asked to wait {Seconds(wait)} s, status {status}; will retry at the next scheduled fetch)";

    public static string ClientError(int status) => status switch
    {
        404 => "Không tìm thấy địa chỉ (lỗi 404); hãy kiểm tra và sửa địa chỉ nguồn (not found, 404: check and correct the source address)",
        410 => "Nguồn đã bị gỡ bỏ vĩnh viễn (lỗi 410); hãy tìm địa chỉ mới hoặc tắt nguồn này (gone, 410: find the new address or disable the source)",
        401 or 403 => $"Nguồn từ chối truy cập (lỗi {status}); trang có thể chặn máy đọc tin, hãy liên hệ trang hoặc nhập tin thủ công (access denied, {status}: the site may block automated readers)",
        _ => $"Nguồn trả về lỗi {status}; hãy kiểm tra địa chỉ nguồn (HTTP error {status}: check the source address)",
    };

    public static string TooLarge(long limit) =>
        $"Nội dung lớn hơn giới hạn {limit / (1024 * 1024.0):0.#} MB nên đã dừng tải; hãy kiểm tra địa chỉ có đúng là nguồn tin không (response larger than the {limit / (1024 * 1024.0):0.#} MB limit; download stopped, check that the address is a feed)";

    public static string TooManyRedirects(int max) =>
        $"Nguồn chuyển hướng quá {max} lần; hãy nhập địa chỉ cuối cùng của nguồn (more than {max} redirects; enter the source's final address)";

    public static string RedirectLoop(Uri url) =>
        $"Nguồn chuyển hướng vòng quanh, quay lại {url}; hãy báo cho quản trị trang (redirect loop back to {url}; tell the site's administrator)";

    public static string RedirectWithoutLocation(int status) =>
        $"Nguồn trả về chuyển hướng {status} nhưng không cho địa chỉ mới (redirect {status} without a Location header)";

    public static string BadScheme(Uri url) =>
        $"Chỉ lấy tin qua http/https, không lấy được {url}; hãy sửa địa chỉ (only http/https can be fetched, not {url})";

    public static string RobotsDisallowed(Uri url) =>
        $"robots.txt của trang không cho máy đọc tin truy cập {url.AbsolutePath}; hãy liên hệ trang xin phép hoặc nhập tin thủ công (the site's robots.txt disallows {url.AbsolutePath} for our crawler)";

    public static string RobotsUnreadable(string detail) =>
        $"Không đọc được robots.txt của trang ({detail}) nên chưa lấy tin, theo quy tắc lịch sự; sẽ thử lại ở lượt sau (could not read the site's robots.txt: {detail}; not fetching until it can be read)";
}
