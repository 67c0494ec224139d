using System.Text.Json.Serialization;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary><c>kind</c>: <c>free</c> or <c>paid</c> (then with <c>price</c> and an ISO 4217 <c>currency</c>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.Pricing")]
public sealed record Pricing(
    [property: Id(0)] string Kind,
    [property: Id(1)] decimal? Price = null,
    [property: Id(2)] string? Currency = null)
{
    public const string Free = "free";
    public const string Paid = "paid";

    [JsonIgnore]
    public bool IsPaid => Kind == Paid;
}
