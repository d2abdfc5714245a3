"""Mijn voor elkaar: a resident's own posts, conversations and the voorzieningen a coördinator pointed them to.

It stands here, above posts, matching and suggestions, because it shows what each of them holds.
"""
from flask import render_template
from flask_login import login_required
from flask_wtf import FlaskForm
from sqlalchemy import select

from webapp.accounts.acting import effective_user
from webapp.board import bp
from webapp.directory.translations import texts_for_page
from webapp.extensions import db
from webapp.matching.queries import conversations
from webapp.posts import lifecycle, vocab
from webapp.posts.models import Post
from webapp.posts.vocab import OFFER, REQUEST
from webapp.suggestions.referrals import my_referrals


@bp.route("/voor-elkaar/mijn")
@login_required
def mine():
    user = effective_user()
    referrals = my_referrals(user)
    posts = db.session.scalars(select(Post).where(Post.author_id == user.id, Post.anonymised_at.is_(None))
                               .order_by(Post.created_at.desc())).all()
    # vocab and lifecycle: the posts' partials need them (on posts' own pages its context processor gives them).
    return render_template("board/mine.html", user=user, action_form=FlaskForm(),
                           requests=[post for post in posts if post.kind == REQUEST],
                           offers=[post for post in posts if post.kind == OFFER],
                           conversations=conversations(user), referrals=referrals,
                           referral_texts=texts_for_page(item.referral.service for item in referrals),
                           vocab=vocab, lifecycle=lifecycle)
