namespace AdaptiveMooc.Api.Xapi;

/// <summary>Thrown inside the parser only; the endpoint turns it into a 400 naming <see cref="Field"/>.</summary>
internal sealed class StatementParseException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
