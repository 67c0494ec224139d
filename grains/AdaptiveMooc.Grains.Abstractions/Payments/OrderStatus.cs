namespace AdaptiveMooc.Grains.Abstractions.Payments;

/// <summary>
/// An order's life: <c>pending</c> → <c>paid</c> → <c>refunded</c> or <c>disputed</c>. Refunded and
/// disputed are final: no later event (replayed, out of order, or a reconciliation) grants again.
/// </summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Refunded = "refunded";
    public const string Disputed = "disputed";

    public static bool IsWithdrawn(string status) => status is Refunded or Disputed;
}
