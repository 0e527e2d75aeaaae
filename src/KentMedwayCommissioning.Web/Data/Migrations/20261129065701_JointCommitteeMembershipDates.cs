using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JointCommitteeMembershipDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing memberships stay, undated ("as the papers give it"); the identity column numbers them.
            migrationBuilder.DropPrimaryKey(
                name: "pk_joint_committee_members",
                table: "joint_committee_members");

            migrationBuilder.AddColumn<int>(
                name: "id",
                table: "joint_committee_members",
                type: "integer",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<DateOnly>(
                name: "from",
                table: "joint_committee_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "to",
                table: "joint_committee_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_joint_committee_members",
                table: "joint_committee_members",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_joint_committee_members_committee_id",
                table: "joint_committee_members",
                column: "committee_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_joint_committee_members",
                table: "joint_committee_members");

            migrationBuilder.DropIndex(
                name: "ix_joint_committee_members_committee_id",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "id",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "from",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "to",
                table: "joint_committee_members");

            migrationBuilder.AddPrimaryKey(
                name: "pk_joint_committee_members",
                table: "joint_committee_members",
                columns: new[] { "committee_id", "member_body_id" });
        }
    }
}
