using System.Globalization;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>Item statistics in words for the trainer's item analysis page.</summary>
public static class ItemAnalysisView
{
    /// <summary>Out-of-line items first, then the least discriminating, then by id.</summary>
    public static IEnumerable<ItemAnalysisRow> Order(IEnumerable<ItemAnalysisRow> rows) =>
        rows.OrderByDescending(r => r.OutOfLine).ThenBy(r => r.Discrimination ?? double.MaxValue).ThenBy(r => r.ItemId, StringComparer.Ordinal);

    public static string Discrimination(ItemAnalysisRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Discrimination switch
        {
            null => "–",
            < 0 => string.Create(CultureInfo.InvariantCulture, $"{row.Discrimination:0.00} (stronger learners miss it more: check the key)"),
            < 0.2 => string.Create(CultureInfo.InvariantCulture, $"{row.Discrimination:0.00} (weak)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{row.Discrimination:0.00}"),
        };
    }

    public static string Verdict(ItemAnalysisRow row, int minPredicted)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Predicted < minPredicted
            ? $"Too few answers with a model prediction yet ({row.Predicted} of {minPredicted})."
            : "In line with its skills.";
    }
}
