namespace OrderGrid.Tests;

/// <summary>The repository the tests run from: for the documents, the dashboard sources and the built silo they check.</summary>
public static class Repository
{
    /// <summary>The folder holding OrderGrid.sln, above the test's output folder.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "OrderGrid.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No OrderGrid.sln above {AppContext.BaseDirectory}.");
        }
    }
}