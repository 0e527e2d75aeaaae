using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JointCommitteeDelegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    committee_id = table.Column<int>(type: "integer", nullable: false),
                    member_body_id = table.Column<int>(type: "integer", nullable: false),
                    function_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: true),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    authorised_by_sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delegations", x => x.id);
                    table.ForeignKey(
                        name: "fk_delegations_bodies_committee_id",
                        column: x => x.committee_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegations_bodies_member_body_id",
                        column: x => x.member_body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegations_function_allocations_function_id",
                        column: x => x.function_id,
                        principalTable: "function_allocations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegations_published_decisions_authorised_by_sequence",
                        column: x => x.authorised_by_sequence,
                        principalTable: "published_decisions",
                        principalColumn: "sequence",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_delegations_authorised_by_sequence",
                table: "delegations",
                column: "authorised_by_sequence");

            migrationBuilder.CreateIndex(
                name: "ix_delegations_committee_id",
                table: "delegations",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegations_function_id",
                table: "delegations",
                column: "function_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegations_member_body_id",
                table: "delegations",
                column: "member_body_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delegations");
        }
    }
}
