namespace Ttdn.Shared;

/// <summary>
/// A rule of the domain refused an action. The message is for the user (Vietnamese, with English after it
/// where it helps) and says what to do instead. Mapped to a 400/409 ProblemDetails in one place.
/// </summary>
public sealed class DomainException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static DomainException Conflict(string message) => new(message, 409);
}
