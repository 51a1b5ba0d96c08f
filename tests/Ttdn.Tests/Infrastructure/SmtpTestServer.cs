using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Ttdn.Tests.Infrastructure;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (a free port) that keeps what it receives: enough of RFC 5321 for
/// System.Net.Mail (greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET, NOOP, QUIT), handling
/// connections in parallel. Failures on demand: <see cref="RejectRecipient"/> answers 550 to RCPT, <see cref="DropConnections"/>
/// resets every new connection.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedMail> _messages = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _connections;

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>Recipients for which RCPT TO is refused with "550 5.1.1 … Mailbox does not exist".</summary>
    public Func<string, bool>? RejectRecipient { get; set; }

    /// <summary>Reset each new connection before the greeting (a server that is there but broken).</summary>
    public bool DropConnections { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    private SmtpTestServer(TcpListener listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public static SmtpTestServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SmtpTestServer(listener);
    }

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_messages) return [.. _messages];
        }
    }

    public void Clear()
    {
        lock (_messages) _messages.Clear();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (for work done in the background).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Messages.Count < count && DateTime.UtcNow < until) await Task.Delay(20);
        return Messages;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            var session = Task.Run(() => SessionAsync(client));
            lock (_sessions) _sessions.Add(session);
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        {
            if (DropConnections)
            {
                client.Client.LingerState = new LingerOption(true, 0); // close with RST, as a crashed server would
                return;
            }
            try
            {
                var stream = client.GetStream();
                var reader = new LineReader(stream);
                var ct = _stop.Token;
                async Task Reply(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"), ct);

                await Reply("220 127.0.0.1 ESMTP TTDN test server ready");
                string? from = null;
                var recipients = new List<string>();
                while (true)
                {
                    var bytes = await reader.ReadLineAsync(ct);
                    if (bytes is null) return;
                    var line = Encoding.UTF8.GetString(bytes);
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await Reply("250-127.0.0.1 Hello\r\n250-SIZE 20971520\r\n250 HELP");
                            break;
                        case "HELO":
                            await Reply("250 127.0.0.1 Hello");
                            break;
                        case "MAIL":
                            from = Address(line);
                            recipients.Clear();
                            await Reply("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            var to = Address(line);
                            if (from is null) await Reply("503 5.5.1 MAIL first");
                            else if (RejectRecipient?.Invoke(to) == true) await Reply($"550 5.1.1 <{to}>: Mailbox does not exist (test server)");
                            else
                            {
                                recipients.Add(to);
                                await Reply("250 2.1.5 OK");
                            }
                            break;
                        case "DATA":
                            if (from is null || recipients.Count == 0)
                            {
                                await Reply("503 5.5.1 RCPT first");
                                break;
                            }
                            await Reply("354 End data with <CR><LF>.<CR><LF>");
                            var data = new MemoryStream();
                            while (true)
                            {
                                var dataLine = await reader.ReadLineAsync(ct);
                                if (dataLine is null) return;
                                if (dataLine is [(byte)'.']) break;
                                var start = dataLine is [(byte)'.', ..] ? 1 : 0; // dot-stuffing
                                data.Write(dataLine, start, dataLine.Length - start);
                                data.Write("\r\n"u8);
                            }
                            lock (_messages) _messages.Add(new ReceivedMail(from, [.. recipients], Encoding.UTF8.GetString(data.ToArray())));
                            from = null;
                            recipients.Clear();
                            await Reply("250 2.0.0 OK queued");
                            break;
                        case "RSET":
                            from = null;
                            recipients.Clear();
                            await Reply("250 2.0.0 OK");
                            break;
                        case "NOOP":
                            await Reply("250 2.0.0 OK");
                            break;
                        case "QUIT":
                            await Reply("221 2.0.0 Bye");
                            return;
                        default:
                            await Reply("502 5.5.2 Command not implemented");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away, or the server is stopping
            }
        }
    }

    private static string Address(string line)
    {
        var m = AddressPattern().Match(line);
        return m.Success ? m.Groups[1].Value : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] sessions;
        lock (_sessions) sessions = [.. _sessions];
        await Task.WhenAny(Task.WhenAll([_accepting, .. sessions]), Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    /// <summary>Reads CRLF- (or LF-) terminated lines as bytes, so 8-bit data is kept exactly.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start, _end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken ct)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, ct);
                    if (_end == 0) return line.Length > 0 ? line.ToArray() : null;
                }
                var lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (lf < 0)
                {
                    line.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }
                line.Write(_buffer, _start, lf - _start);
                _start = lf + 1;
                var bytes = line.ToArray();
                return bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes;
            }
        }
    }
}

/// <summary>A message as received: envelope, raw text, and the headers and body decoded (RFC 2047 words, base64, quoted-printable).</summary>
public sealed partial class ReceivedMail
{
    public string From { get; }
    public IReadOnlyList<string> Recipients { get; }
    public string Raw { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
    public string Body { get; }

    public ReceivedMail(string from, IReadOnlyList<string> recipients, string raw)
    {
        (From, Recipients, Raw) = (from, recipients, raw);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
                headers[^1] = new(headers[^1].Key, headers[^1].Value + line); // unfolding: the line break goes, the blank stays
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].TrimStart()));
        }
        Headers = headers;
        Body = Mime.DecodeBody(body, Header("Content-Transfer-Encoding"), Header("Content-Type"));
    }

    /// <summary>The first header of that name, decoded; null when absent.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } h ? Mime.DecodeWords(h.Value) : null;

    public string Subject => Header("Subject") ?? "";
    public string To => Header("To") ?? "";

    public override string ToString() => $"{string.Join(",", Recipients)}: {Subject}";

    internal static partial class Mime
    {
        [GeneratedRegex(@"=\?([^?]+)\?([bBqQ])\?([^?]*)\?=")]
        private static partial Regex EncodedWord();

        [GeneratedRegex("charset=\"?([^\";\\s]+)\"?", RegexOptions.IgnoreCase)]
        private static partial Regex Charset();

        /// <summary>RFC 2047: =?utf-8?B?...?= and =?utf-8?Q?...?=; blanks between adjacent encoded words vanish, and the bytes of
        /// adjacent words are joined before decoding (a character may be split across two words).</summary>
        public static string DecodeWords(string value)
        {
            var result = new StringBuilder();
            var pending = new List<byte>();
            string? pendingCharset = null;
            void Flush()
            {
                if (pendingCharset is null) return;
                result.Append(Encoding.GetEncoding(pendingCharset).GetString(pending.ToArray()));
                pending.Clear();
                pendingCharset = null;
            }
            var at = 0;
            foreach (Match m in EncodedWord().Matches(value))
            {
                var between = value[at..m.Index];
                if (!(pendingCharset is not null && string.IsNullOrWhiteSpace(between)))
                {
                    Flush();
                    result.Append(between);
                }
                var charset = m.Groups[1].Value.Split('*')[0];
                if (pendingCharset is not null && !string.Equals(pendingCharset, charset, StringComparison.OrdinalIgnoreCase)) Flush();
                pendingCharset = charset;
                pending.AddRange(m.Groups[2].Value is "B" or "b"
                    ? Convert.FromBase64String(m.Groups[3].Value)
                    : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
                at = m.Index + m.Length;
            }
            Flush();
            result.Append(value[at..]);
            return result.ToString();
        }

        public static string DecodeBody(string body, string? transferEncoding, string? contentType)
        {
            var charset = contentType is null ? null : Charset().Match(contentType) is { Success: true } c ? c.Groups[1].Value : null;
            var encoding = charset is null || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
            return transferEncoding?.Trim().ToLowerInvariant() switch
            {
                "base64" => encoding.GetString(Convert.FromBase64String(string.Concat(body.Where(ch => !char.IsWhiteSpace(ch))))),
                "quoted-printable" => encoding.GetString(QuotedPrintable(body)),
                _ => body,
            };
        }

        /// <summary>=XX → byte, "=" at a line end → soft line break (removed).</summary>
        public static byte[] QuotedPrintable(string text)
        {
            var bytes = new List<byte>(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (ch == '=' && i + 1 < text.Length && (text[i + 1] == '\r' || text[i + 1] == '\n'))
                {
                    i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 2 : 1;
                }
                else if (ch == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(ch.ToString()));
                }
            }
            return [.. bytes];
        }
    }
}
