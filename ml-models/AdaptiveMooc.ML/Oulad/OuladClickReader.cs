using Parquet;
using Parquet.Schema;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>
/// Reads a studentVle partition (<c>studentVle/code_module=X/code_presentation=Y/part-0.parquet</c>)
/// column by column into typed arrays: no per-row objects, so all 10M rows of the full release
/// decode in seconds.
/// </summary>
internal static class OuladClickReader
{
    public static string PartitionPath(string directory, string module, string presentation) =>
        Path.Combine(directory, "studentVle", $"code_module={module}", $"code_presentation={presentation}", "part-0.parquet");

    public static async Task<OuladClick[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var fields = reader.Schema.GetDataFields();
        DataField Field(string name) =>
            fields.FirstOrDefault(f => f.Name == name) ?? throw new InvalidDataException($"{path} has no column '{name}'");

        var student = Field("id_student");
        var site = Field("id_site");
        var date = Field("date");
        var clicks = Field("sum_click");
        var result = new List<OuladClick>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var students = await ReadIntsAsync(group, student, count, cancellationToken);
            var sites = await ReadIntsAsync(group, site, count, cancellationToken);
            var days = await ReadIntsAsync(group, date, count, cancellationToken);
            var sums = await ReadIntsAsync(group, clicks, count, cancellationToken);
            result.EnsureCapacity(result.Count + count);
            for (var i = 0; i < count; i++)
            {
                if (students[i] is { } s && sites[i] is { } r && days[i] is { } d && sums[i] is { } c && c > 0)
                {
                    result.Add(new OuladClick(s, r, d, c));
                }
            }
        }

        return [.. result];
    }

    /// <summary>The published files store these columns as doubles; other writers use integers.</summary>
    private static async Task<int?[]> ReadIntsAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(double))
        {
            return Convert(await ReadAsync<double>(group, field, count, cancellationToken), v => (int)Math.Round(v));
        }

        if (type == typeof(float))
        {
            return Convert(await ReadAsync<float>(group, field, count, cancellationToken), v => (int)MathF.Round(v));
        }

        if (type == typeof(long))
        {
            return Convert(await ReadAsync<long>(group, field, count, cancellationToken), v => checked((int)v));
        }

        if (type == typeof(int))
        {
            return await ReadAsync<int>(group, field, count, cancellationToken);
        }

        throw new InvalidDataException($"column '{field.Name}' has unsupported type {type.Name}");
    }

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken);
            return values;
        }

        var required = new T[count];
        await group.ReadAsync<T>(field, required.AsMemory(), null, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            values[i] = required[i];
        }

        return values;
    }

    private static int?[] Convert<T>(T?[] values, Func<T, int> convert)
        where T : struct
    {
        var result = new int?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is { } v ? convert(v) : null;
        }

        return result;
    }
}
