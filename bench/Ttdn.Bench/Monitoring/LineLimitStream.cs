namespace Ttdn.Bench.Monitoring;

/// <summary>The first <c>lines</c> lines of a file as a stream (for --items), counting the bytes handed out.</summary>
internal sealed class LineLimitStream(Stream inner, long lines) : Stream
{
    private long remaining = lines;

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (remaining <= 0)
        {
            return 0;
        }

        int n = inner.Read(buffer);
        for (int i = 0; i < n; i++)
        {
            if (buffer[i] == (byte)'\n' && --remaining == 0)
            {
                n = i + 1;
                break;
            }
        }

        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
