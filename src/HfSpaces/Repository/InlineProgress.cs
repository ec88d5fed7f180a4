namespace HfSpaces.Repository;

/// <summary>Reports on the calling thread, in order (a hash or upload loop), unlike <see cref="Progress{T}"/>, which posts each report.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
