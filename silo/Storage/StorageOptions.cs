namespace OrderGrid.Silo.Storage;

/// <summary>Where grain state lives: section <c>OrderGrid:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "OrderGrid:Storage";

    /// <summary>The name of the connection string External mode uses: <c>ConnectionStrings:OrderGrid</c>.</summary>
    public const string ConnectionStringName = "OrderGrid";

    /// <summary>The storage modes this build supports.</summary>
    public static IReadOnlyList<string> Modes { get; } = [StorageModes.Embedded, StorageModes.External, StorageModes.InMemory];

    /// <summary>One of <see cref="Modes"/>.</summary>
    public string Mode { get; set; } = StorageModes.Embedded;

    /// <summary>Embedded mode: the server's data folder. Default: <see cref="EmbeddedPostgresSettings.DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Embedded mode: the folder holding <c>initdb</c> and <c>pg_ctl</c>; default: PATH, then <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>Embedded mode: the loopback port; 0 (default) picks a free one at every start.</summary>
    public int Port { get; set; }

    /// <summary>Embedded mode: the database the silo uses.</summary>
    public string Database { get; set; } = "ordergrid";

    /// <summary>
    /// Apply pending schema migrations before Orleans starts. Default: on in Embedded mode and in
    /// Development, off otherwise (run <c>silo migrate</c> as a deployment step).
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>The grain storage providers this build has for PostgreSQL.</summary>
    public static IReadOnlyList<string> GrainStorages { get; } = [GrainStorageOrderGrid, GrainStorageAdoNet];

    /// <summary>OrderGrid's own provider: writes of many grains committed together (<c>ordergrid_grain_state</c>).</summary>
    public const string GrainStorageOrderGrid = "OrderGrid";

    /// <summary>
    /// The Orleans AdoNet provider (<c>OrleansStorage</c>), one autocommit statement per read and write: the previous
    /// default, kept to compare with. The two tables are not kept in step: the AdoNet rows are copied once, when
    /// migration 0006 first runs.
    /// </summary>
    public const string GrainStorageAdoNet = "AdoNet";

    /// <summary>PostgreSQL modes: one of <see cref="GrainStorages"/>.</summary>
    public string GrainStorage { get; set; } = GrainStorageOrderGrid;

    public bool UsesAdoNetGrainStorage => string.Equals(GrainStorage, GrainStorageAdoNet, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the modes that keep state in PostgreSQL.</summary>
    public bool UsesPostgres => !string.Equals(Mode, StorageModes.InMemory, StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => string.Equals(Mode, StorageModes.Embedded, StringComparison.OrdinalIgnoreCase);
}